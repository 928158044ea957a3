import * as FunctionExt from './main.js';
export { FunctionExt };
