export * from './disposable.js';
export * from './disablable.js';
export * from './basecoat.js';
