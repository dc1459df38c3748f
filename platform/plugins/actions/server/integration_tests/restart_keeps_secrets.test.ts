import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestPlatform } from '../../../../../test/helpers';
import { startFakeLlm } from '../../../../../test/fake_llm';
import type { ConnectorResponse, ExecuteConnectorResponse } from '../../common';

it('a generated encryption key is persisted under path.data: secrets still decrypt after a restart', async () => {
  const dataPath = fs.mkdtempSync(path.join(os.tmpdir(), 'actions-restart-'));
  const llm = await startFakeLlm();
  try {
    const first = await startTestPlatform({ plugins: ['actions'], dataPath });
    const created = await first.post<ConnectorResponse>('/api/actions/connector', {
      name: 'Local',
      connector_type_id: '.gen-ai',
      config: { apiProvider: 'Other', apiUrl: llm.url, defaultModel: 'm' },
      secrets: { apiKey: 'sk-restart-secret-42' },
    });
    expect(created.status).toBe(200);
    await first.stop();
    const keyFile = path.join(dataPath, 'actions', 'encryption_key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    const second = await startTestPlatform({ plugins: ['actions'], dataPath });
    try {
      const [listed] = (await second.get<ConnectorResponse[]>('/api/actions/connectors')).body;
      expect(listed).toMatchObject({ id: created.body.id, is_missing_secrets: false });
      llm.enqueue({ content: 'OK' });
      const res = await second.post<ExecuteConnectorResponse>(`/api/actions/connector/${created.body.id}/_execute`, {});
      expect(res.body.status).toBe('ok');
      expect(llm.chatRequests()[0].headers.authorization).toBe('Bearer sk-restart-secret-42');
    } finally {
      await second.stop();
    }
  } finally {
    await llm.close();
    fs.rmSync(dataPath, { recursive: true, force: true });
  }
}, 90_000);
