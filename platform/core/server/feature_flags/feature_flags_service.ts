import { BehaviorSubject, distinctUntilChanged, map } from 'rxjs';
import type { Observable } from 'rxjs';
import type { Logger } from '../logging';

export type FeatureFlagOverrides = Record<string, unknown>;

export interface FeatureFlagsSetup {
  /** Adds or replaces overrides (as `feature_flags.overrides` in kibana.yml does). */
  setOverrides(overrides: FeatureFlagOverrides): void;
}

export interface FeatureFlagsStart {
  getBooleanValue(flagName: string, fallbackValue: boolean): Promise<boolean>;
  getStringValue<T extends string>(flagName: string, fallbackValue: T): Promise<T>;
  getNumberValue<T extends number>(flagName: string, fallbackValue: T): Promise<T>;
  getBooleanValue$(flagName: string, fallbackValue: boolean): Observable<boolean>;
  getStringValue$<T extends string>(flagName: string, fallbackValue: T): Observable<T>;
  getNumberValue$<T extends number>(flagName: string, fallbackValue: T): Observable<T>;
  /** Current overrides (what the browser gets in its injected metadata). */
  getOverrides(): FeatureFlagOverrides;
}

/**
 * Kibana evaluates flags through an OpenFeature provider; with none configured the fallback wins
 * unless `feature_flags.overrides` names the flag. Overrides are the only source here.
 */
export class FeatureFlagsService {
  private readonly overrides$: BehaviorSubject<FeatureFlagOverrides>;

  constructor(initial: FeatureFlagOverrides, private readonly logger: Logger) {
    this.overrides$ = new BehaviorSubject<FeatureFlagOverrides>({ ...initial });
  }

  private evaluate<T>(overrides: FeatureFlagOverrides, flag: string, fallback: T, type: 'boolean' | 'string' | 'number'): T {
    if (!(flag in overrides)) return fallback;
    const value = overrides[flag];
    if (typeof value !== type) {
      this.logger.warn(`Feature flag ${flag} is overridden with a ${typeof value}, expected ${type}; using the default`, {
        flag,
        fallback,
      });
      return fallback;
    }
    return value as T;
  }

  setup(): FeatureFlagsSetup {
    return {
      setOverrides: (overrides) => this.overrides$.next({ ...this.overrides$.value, ...overrides }),
    };
  }

  start(): FeatureFlagsStart {
    const value$ = <T>(flag: string, fallback: T, type: 'boolean' | 'string' | 'number') =>
      this.overrides$.pipe(
        map((o) => this.evaluate(o, flag, fallback, type)),
        distinctUntilChanged()
      );
    return {
      getBooleanValue: async (flag, fallback) => this.evaluate(this.overrides$.value, flag, fallback, 'boolean'),
      getStringValue: async (flag, fallback) => this.evaluate(this.overrides$.value, flag, fallback, 'string'),
      getNumberValue: async (flag, fallback) => this.evaluate(this.overrides$.value, flag, fallback, 'number'),
      getBooleanValue$: (flag, fallback) => value$(flag, fallback, 'boolean'),
      getStringValue$: (flag, fallback) => value$(flag, fallback, 'string'),
      getNumberValue$: (flag, fallback) => value$(flag, fallback, 'number'),
      getOverrides: () => ({ ...this.overrides$.value }),
    };
  }
}
