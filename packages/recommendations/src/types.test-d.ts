import type { DecisionResult } from '@foederal/membership';
import { expectTypeOf } from 'vitest';
import type { Decision, LifecycleEvent, LocalizedText, Pilot, Recommendation, RecommendationState, RecommendationStatus } from './index.js';

// Texts: German required, English optional and never explicitly undefined.
expectTypeOf<LocalizedText>().toEqualTypeOf<{ readonly de: string; readonly en?: string }>();

// The vote result is membership's type, not a copy.
expectTypeOf<Decision['result']>().toEqualTypeOf<DecisionResult>();

// The status narrows by state.
expectTypeOf<Extract<RecommendationStatus, { state: 'superseded' }>>().toEqualTypeOf<{ state: 'superseded'; by: string; date: string }>();
expectTypeOf<RecommendationState>().toEqualTypeOf<'draft' | 'consultation' | 'adopted' | 'published' | 'superseded' | 'withdrawn'>();
expectTypeOf<Recommendation['status']>().toEqualTypeOf<RecommendationStatus>();

// Events and pilot subjects are discriminated unions.
expectTypeOf<LifecycleEvent['type']>().toEqualTypeOf<'revise' | 'open-consultation' | 'close-consultation' | 'adopt' | 'publish' | 'supersede' | 'withdraw' | 'record-adoption'>();
expectTypeOf<Pilot['subject']['kind']>().toEqualTypeOf<'recommendation' | 'open-source'>();
