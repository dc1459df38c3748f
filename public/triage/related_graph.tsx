/** The related-alert graph as a picture: nodes coloured by severity, the seed outlined, edges labelled by entities. */
import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import type { RelatedGraphResponse } from '../../common/api/triage';
import { layoutGraph, severityColor } from './graph_layout';

export interface RelatedGraphProps {
  graph: RelatedGraphResponse;
  seedId: string;
  onOpenAlert(alertId: string): void;
}

export function RelatedGraph({ graph, seedId, onOpenAlert }: RelatedGraphProps) {
  const { nodes, edges } = useMemo(() => {
    const layout = layoutGraph(graph, seedId);
    const flowNodes: Node[] = layout.nodes.map((n) => ({
      id: n.id,
      position: n.position,
      data: { label: `${n.data.label}${n.data.severity ? ` (${n.data.severity})` : ''}` },
      className: n.data.isSeed ? 'triageGraphSeed' : 'triageGraphNode',
      style: {
        background: severityColor(n.data.severity),
        color: '#fff',
        width: 200,
        fontSize: 11,
        border: n.data.isSeed ? '3px solid #0B64DD' : '1px solid #343741',
        fontWeight: n.data.isSeed ? 700 : 400,
      },
    }));
    const flowEdges: Edge[] = layout.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: e.label,
      labelStyle: { fontSize: 9 },
    }));
    return { nodes: flowNodes, edges: flowEdges };
  }, [graph, seedId]);

  return (
    <div style={{ height: 420, width: '100%' }} data-test-subj="triageRelatedGraph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        fitView
        nodesDraggable={false}
        nodesConnectable={false}
        onNodeClick={(_event, node) => onOpenAlert(node.id)}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
