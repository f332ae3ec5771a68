// Team and pipeline names are unique per workspace as they are stored (NFC, trimmed, any case):
// a check-then-insert that ten parallel requests all pass would store duplicates (PostgreSQL
// accepted 4 of 10 equal pipeline names and answered 500 to team creates), and "Café" typed with a
// combining accent would pass as a different name than the precomposed one (issue 17, item 6).
import { expect, it } from 'vitest';
import { describeEngines, variantWith } from '../test/test-env.js';

const VARIANTS = ['Café East', 'cafe\u0301 east', ' CAFÉ EAST ', 'Cafe\u0301 East'];

describeEngines('unique names', (env) => {
  for (const [what, path] of [
    ['team', '/api/v1/teams'],
    ['pipeline', '/api/v1/pipelines'],
  ] as const) {
    it(`accepts one ${what} of ten parallel creates of the same name (case, spaces and accent form aside) and refuses the rest with 400 naming name`, async () => {
      const w = await env().workspace();
      const admin = w.as(w.admin);
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => admin.post(path, { name: VARIANTS[i % VARIANTS.length] })));
      const statuses = answers.map((r) => r.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      for (const r of answers.filter((a) => a.status !== 201)) {
        expect(r.status).toBe(400);
        expect(r.body.error?.details.fields.map((f: { field: string }) => f.field)).toEqual(['name']);
      }
      // Stored as typed, in one form: the precomposed é.
      const created = answers.find((r) => r.status === 201)?.body;
      // A team is answered as itself, a pipeline as its process definition (the pipeline with its stages).
      const name = what === 'team' ? variantWith(created!, 'name').name : variantWith(created!, 'pipeline').pipeline.name;
      expect(name).toBe(name.normalize('NFC'));
      expect(name).toBe(name.trim());
    });
  }
});
