import { createSensor as createObjectSensor } from './object.js';
import { createSensor as createResizeObserverSensor } from './observer.js';
export const createSensor = typeof ResizeObserver !== 'undefined'
    ? createResizeObserverSensor
    : createObjectSensor;
