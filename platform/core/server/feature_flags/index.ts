export { FeatureFlagsService } from './feature_flags_service';
export type { FeatureFlagOverrides, FeatureFlagsSetup, FeatureFlagsStart } from './feature_flags_service';
