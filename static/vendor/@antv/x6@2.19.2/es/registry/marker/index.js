import { Registry } from '../registry.js';
import * as markers from './main.js';
import { normalize as normalizeMarker } from './util.js';
export var Marker;
(function (Marker) {
    Marker.presets = markers;
    Marker.registry = Registry.create({
        type: 'marker',
    });
    Marker.registry.register(Marker.presets, true);
})(Marker || (Marker = {}));
(function (Marker) {
    Marker.normalize = normalizeMarker;
})(Marker || (Marker = {}));
