import * as CssLoader from './loader.js';
export { CssLoader };
