import { defineMessages } from 'react-intl';

export const appMessages = defineMessages({
  title: { id: 'workflows.app.title', defaultMessage: 'Workflows' },
});
