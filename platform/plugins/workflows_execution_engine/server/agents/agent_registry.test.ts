import { createAgentRegistry, DEFAULT_AGENT } from './agent_registry';

describe('agent registry', () => {
  it('has elastic-ai-agent built in, adds agents and refuses duplicates and incomplete ones', () => {
    const registry = createAgentRegistry();
    expect(registry.get('elastic-ai-agent')).toEqual(DEFAULT_AGENT);
    registry.register({ id: 'triage', name: 'Triage', instructions: 'Be brief.' });
    expect(registry.get('triage')).toEqual({ id: 'triage', name: 'Triage', instructions: 'Be brief.' });
    expect(registry.list().map((a) => a.id)).toEqual(['elastic-ai-agent', 'triage']);
    expect(() => registry.register({ id: 'triage', name: 'Again', instructions: 'x' })).toThrow('Agent "triage" is already registered');
    expect(() => registry.register({ id: 'x', name: '', instructions: 'x' })).toThrow('An agent needs an id, a name and instructions');
    expect(registry.get('missing')).toBeUndefined();
  });
});
