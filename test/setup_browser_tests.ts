import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// EUI marks elements with data-test-subj, as Kibana's tests query them.
configure({ testIdAttribute: 'data-test-subj' });
