export * from './dictionary.js';
