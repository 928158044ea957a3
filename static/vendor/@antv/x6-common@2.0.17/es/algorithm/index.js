export * from './priorityqueue.js';
export * from './dijkstra.js';
