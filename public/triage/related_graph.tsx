/** The related-alert graph as a picture: nodes coloured by severity, the seed outlined, edges labelled by entities. */
import { Background, Controls, ReactFlow, useReactFlow, useStore, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef } from 'react';
import type { RelatedGraphResponse } from '../../common/api/triage';
import { layoutGraph, severityColor } from './graph_layout';

export interface RelatedGraphProps {
  graph: RelatedGraphResponse;
  seedId: string;
  onOpenAlert(alertId: string): void;
}

/**
 * `fitView` only fits the first render; when the pane is resized later (window, flyout width) the graph is fitted
 * again so no column ends up off-screen.
 */
function FitOnResize() {
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const { fitView } = useReactFlow();
  const fitted = useRef<{ width: number; height: number }>();
  useEffect(() => {
    if (width <= 0 || height <= 0) return;
    const previous = fitted.current;
    fitted.current = { width, height };
    // The first size is fitted by the `fitView` prop once the nodes are measured.
    if (previous && (previous.width !== width || previous.height !== height)) void fitView();
  }, [width, height, fitView]);
  return null;
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
        <FitOnResize />
      </ReactFlow>
    </div>
  );
}
