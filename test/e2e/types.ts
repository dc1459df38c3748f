import type { BrowserContext, Page } from 'playwright-core';
import type { RunningProduct } from './product';

export interface E2eContext {
  product: RunningProduct;
  context: BrowserContext;
  /** One page shared by the tests, in order (later tests may rely on the login of earlier ones). */
  page: Page;
  repoRoot: string;
}

export interface E2eTest {
  name: string;
  run(ctx: E2eContext): Promise<void>;
}
