/**
 * The starter YAML of "Create workflow": valid as is (a manual trigger, one input with a default, a `data.set` and a
 * `console` step), so a new user can save and run it before editing.
 */
export const DEFAULT_WORKFLOW_YAML = `version: "1"
name: New workflow
description: Describe what this workflow does.
enabled: false
tags: []
triggers:
  - type: manual
inputs:
  - name: message
    type: string
    default: Hello from my workflow
steps:
  - name: prepare
    type: data.set
    with:
      greeting: "{{ inputs.message }}"
  - name: log_greeting
    type: console
    with:
      message: "{{ steps.prepare.output.greeting }} (run {{ execution.id }})"
`;
