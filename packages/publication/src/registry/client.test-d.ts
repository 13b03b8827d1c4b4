// Type-level tests (checked by `tsc` in `pnpm typecheck`): the client's results are the record
// types of @foederal/recommendations and @foederal/membership, not `any`.
import type { CostShareResult } from '@foederal/membership';
import type { Consultation, Contribution, ExperienceReport, Pilot, Recommendation } from '@foederal/recommendations';
import { expectTypeOf } from 'vitest';
import type { CallResult } from '../client/contract-client.js';
import type { RouteParams, RouteQuery, RouteResult } from '../contract/types.js';
import type { RegistryClient } from './client.js';
import type { RegistryContract } from './contract.js';
import type { Body } from './schemas.js';

declare const registry: RegistryClient;

expectTypeOf(registry.getRecommendation('x')).resolves.toEqualTypeOf<Recommendation>();
expectTypeOf(registry.listRecommendations().toArray()).resolves.toEqualTypeOf<Recommendation[]>();
expectTypeOf(registry.listContributions('k').toArray()).resolves.toEqualTypeOf<Contribution[]>();
expectTypeOf(registry.getConsultation('k')).resolves.toEqualTypeOf<Consultation>();
expectTypeOf(registry.getPilot('p')).resolves.toEqualTypeOf<Pilot>();
expectTypeOf(registry.reviewExperienceReport).returns.resolves.toEqualTypeOf<ExperienceReport>();
expectTypeOf(registry.getBody()).resolves.toEqualTypeOf<Body>();
expectTypeOf(registry.downloadAttachment('a', 'b')).resolves.toEqualTypeOf<Uint8Array>();
expectTypeOf(registry.atomFeed()).resolves.toEqualTypeOf<string>();
expectTypeOf<RouteResult<RegistryContract['getCostShares']>>().toExtend<CostShareResult>();
expectTypeOf(registry.contract.call('getPilot', { params: { pilotId: 'p' } })).resolves.toEqualTypeOf<CallResult<Pilot>>();
expectTypeOf<RouteParams<RegistryContract['getContribution']>>().toEqualTypeOf<{ consultationId: string; contributionId: string }>();
expectTypeOf<RouteQuery<RegistryContract['listRecommendations']>>().toHaveProperty('status');
// @ts-expect-error: a contribution submission needs an author
void registry.submitContribution('k', { anchor: { section: '1' }, text: { de: 'x' } });
