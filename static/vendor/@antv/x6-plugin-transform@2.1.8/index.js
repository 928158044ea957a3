import{Basecoat as H,CssLoader as A}from"@antv/x6";import{GeometryUtil as S,Angle as z,Point as E,Dom as c,NumberExt as D,View as I}from"@antv/x6";var $=function(a,t,e,i){var r=arguments.length,s=r<3?t:i===null?i=Object.getOwnPropertyDescriptor(t,e):i,n;if(typeof Reflect=="object"&&typeof Reflect.decorate=="function")s=Reflect.decorate(a,t,e,i);else for(var h=a.length-1;h>=0;h--)(n=a[h])&&(s=(r<3?n(s):r>3?n(t,e,s):n(t,e))||s);return r>3&&s&&Object.defineProperty(t,e,s),s},C=class extends I{get model(){return this.graph.model}get view(){return this.graph.renderer.findViewByCell(this.node)}get containerClassName(){return this.prefixClassName("widget-transform")}get resizeClassName(){return`${this.containerClassName}-resize`}get rotateClassName(){return`${this.containerClassName}-rotate`}constructor(t,e,i){super(),this.node=e,this.graph=i,this.options=Object.assign(Object.assign({},p.defaultOptions),t),this.render(),this.startListening()}startListening(){this.delegateEvents({[`mousedown .${this.resizeClassName}`]:"startResizing",[`touchstart .${this.resizeClassName}`]:"startResizing",[`mousedown .${this.rotateClassName}`]:"startRotating",[`touchstart .${this.rotateClassName}`]:"startRotating"}),this.model.on("*",this.update,this),this.graph.on("scale",this.update,this),this.graph.on("translate",this.update,this),this.node.on("removed",this.remove,this),this.model.on("reseted",this.remove,this),this.view.on("cell:knob:mousedown",this.onKnobMouseDown,this),this.view.on("cell:knob:mouseup",this.onKnobMouseUp,this)}stopListening(){this.undelegateEvents(),this.model.off("*",this.update,this),this.graph.off("scale",this.update,this),this.graph.off("translate",this.update,this),this.node.off("removed",this.remove,this),this.model.off("reseted",this.remove,this),this.view.off("cell:knob:mousedown",this.onKnobMouseDown,this),this.view.off("cell:knob:mouseup",this.onKnobMouseUp,this)}renderHandles(){this.container=document.createElement("div");let t=document.createElement("div");c.attr(t,"draggable","false");let e=t.cloneNode(!0);c.addClass(e,this.rotateClassName);let i=p.POSITIONS.map(r=>{let s=t.cloneNode(!0);return c.addClass(s,this.resizeClassName),c.attr(s,"data-position",r),s});this.empty(),c.append(this.container,[...i,e])}render(){return this.renderHandles(),this.view&&this.view.addClass(p.NODE_CLS),c.addClass(this.container,this.containerClassName),c.toggleClass(this.container,"no-orth-resize",this.options.preserveAspectRatio||!this.options.orthogonalResizing),c.toggleClass(this.container,"no-resize",!this.options.resizable),c.toggleClass(this.container,"no-rotate",!this.options.rotatable),this.options.className&&c.addClass(this.container,this.options.className),this.graph.container.appendChild(this.container),this.update()}update(){let t=this.graph.matrix(),e=this.node.getBBox();e.x*=t.a,e.x+=t.e,e.y*=t.d,e.y+=t.f,e.width*=t.a,e.height*=t.d;let i=z.normalize(this.node.getAngle()),r=i!==0?`rotate(${i}deg)`:"";return c.css(this.container,{transform:r,width:e.width,height:e.height,left:e.x,top:e.y}),this.updateResizerDirections(),this}remove(){return this.view&&this.view.removeClass(p.NODE_CLS),super.remove()}onKnobMouseDown(){this.startHandle()}onKnobMouseUp(){this.stopHandle()}updateResizerDirections(){let t=z.normalize(this.node.getAngle()),e=Math.floor(t*(p.DIRECTIONS.length/360));if(e!==this.prevShift){let i=p.DIRECTIONS.slice(e).concat(p.DIRECTIONS.slice(0,e)),r=n=>`${this.containerClassName}-cursor-${n}`;this.container.querySelectorAll(`.${this.resizeClassName}`).forEach((n,h)=>{c.removeClass(n,p.DIRECTIONS.map(b=>r(b)).join(" ")),c.addClass(n,r(i[h]))}),this.prevShift=e}}getTrueDirection(t){let e=z.normalize(this.node.getAngle()),i=p.POSITIONS.indexOf(t);return i+=Math.floor(e*(p.POSITIONS.length/360)),i%=p.POSITIONS.length,p.POSITIONS[i]}toValidResizeDirection(t){return{top:"top-left",bottom:"bottom-right",left:"bottom-left",right:"top-right"}[t]||t}startResizing(t){t.stopPropagation(),this.model.startBatch("resize",{cid:this.cid});let e=c.attr(t.target,"data-position");this.prepareResizing(t,e),this.startAction(t)}prepareResizing(t,e){let i=this.getTrueDirection(e),r=0,s=0;e.split("-").forEach(v=>{r={left:-1,right:1}[v]||r,s={top:-1,bottom:1}[v]||s});let n=this.toValidResizeDirection(e),h={"top-right":"bottomLeft","top-left":"bottomRight","bottom-left":"topRight","bottom-right":"topLeft"}[n],b=z.normalize(this.node.getAngle());this.setEventData(t,{selector:h,direction:n,trueDirection:i,relativeDirection:e,angle:b,resizeX:r,resizeY:s,action:"resizing"})}startRotating(t){t.stopPropagation(),this.model.startBatch("rotate",{cid:this.cid});let e=this.node.getBBox().getCenter(),i=this.normalizeEvent(t),r=this.graph.snapToGrid(i.clientX,i.clientY);this.setEventData(t,{center:e,action:"rotating",angle:z.normalize(this.node.getAngle()),start:E.create(r).theta(e)}),this.startAction(t)}onMouseMove(t){let e=this.graph.findViewByCell(this.node),i=this.getEventData(t);if(i.action){let r=this.normalizeEvent(t),s=r.clientX,n=r.clientY,h=this.graph.getPlugin("scroller"),b=this.options.restrictedResizing;if(b===!0||typeof b=="number"){let g=b===!0?0:b,x=h?Math.max(g,8):g,o=this.graph.container.getBoundingClientRect();s=D.clamp(s,o.left+x,o.right-x),n=D.clamp(n,o.top+x,o.bottom-x)}else this.options.autoScrollOnResizing&&h&&h.autoScroll(s,n);let v=this.graph.snapToGrid(s,n),R=this.graph.getGridSize(),O=this.node,f=this.options;if(i.action==="resizing"){i=i,i.resized||(e&&(e.addClass("node-resizing"),this.notify("node:resize",t,e)),i.resized=!0);let g=O.getBBox(),x=E.create(v).rotate(i.angle,g.getCenter()).diff(g[i.selector]),o=i.resizeX?x.x*i.resizeX:g.width,l=i.resizeY?x.y*i.resizeY:g.height,m=o,u=l;if(o=S.snapToGrid(o,R),l=S.snapToGrid(l,R),o=Math.max(o,f.minWidth||R),l=Math.max(l,f.minHeight||R),o=Math.min(o,f.maxWidth||1/0),l=Math.min(l,f.maxHeight||1/0),f.preserveAspectRatio){let d=g.width*l/g.height,y=g.height*o/g.width;o<d?l=y:o=d}let w=i.relativeDirection;if(f.allowReverse&&(m<=-o||u<=-l)){let d;w==="left"?m<=-o&&(d="right"):w==="right"?m<=-o&&(d="left"):w==="top"?u<=-l&&(d="bottom"):w==="bottom"?u<=-l&&(d="top"):w==="top-left"?m<=-o&&u<=-l?d="bottom-right":m<=-o?d="top-right":u<=-l&&(d="bottom-left"):w==="top-right"?m<=-o&&u<=-l?d="bottom-left":m<=-o?d="top-left":u<=-l&&(d="bottom-right"):w==="bottom-left"?m<=-o&&u<=-l?d="top-right":m<=-o?d="bottom-right":u<=-l&&(d="top-left"):w==="bottom-right"&&(m<=-o&&u<=-l?d="top-left":m<=-o?d="bottom-left":u<=-l&&(d="top-right"));let y=d;this.stopHandle();let W=this.container.querySelector(`.${this.resizeClassName}[data-position="${y}"]`);this.startHandle(W),this.prepareResizing(t,y),this.onMouseMove(t)}if(g.width!==o||g.height!==l){let d={ui:!0,direction:i.direction,relativeDirection:i.relativeDirection,trueDirection:i.trueDirection,minWidth:f.minWidth,minHeight:f.minHeight,maxWidth:f.maxWidth,maxHeight:f.maxHeight,preserveAspectRatio:f.preserveAspectRatio===!0};O.resize(o,l,d),this.notify("node:resizing",t,e)}}else if(i.action==="rotating"){i=i,i.rotated||(e&&(e.addClass("node-rotating"),this.notify("node:rotate",t,e)),i.rotated=!0);let g=O.getAngle(),x=i.start-E.create(v).theta(i.center),o=i.angle+x;f.rotateGrid&&(o=S.snapToGrid(o,f.rotateGrid)),o=z.normalize(o),g!==o&&(O.rotate(o,{absolute:!0}),this.notify("node:rotating",t,e))}}}onMouseUp(t){let e=this.getEventData(t);e.action&&(this.stopAction(t),this.model.stopBatch(e.action==="resizing"?"resize":"rotate",{cid:this.cid}))}startHandle(t){if(this.handle=t||null,c.addClass(this.container,`${this.containerClassName}-active`),t){c.addClass(t,`${this.containerClassName}-active-handle`);let e=t.getAttribute("data-position");if(e){let i=p.DIRECTIONS[p.POSITIONS.indexOf(e)];c.addClass(this.container,`${this.containerClassName}-cursor-${i}`)}}}stopHandle(){if(c.removeClass(this.container,`${this.containerClassName}-active`),this.handle){c.removeClass(this.handle,`${this.containerClassName}-active-handle`);let t=this.handle.getAttribute("data-position");if(t){let e=p.DIRECTIONS[p.POSITIONS.indexOf(t)];c.removeClass(this.container,`${this.containerClassName}-cursor-${e}`)}this.handle=null}}startAction(t){this.startHandle(t.target),this.graph.view.undelegateEvents(),this.delegateDocumentEvents(p.documentEvents,t.data)}stopAction(t){this.stopHandle(),this.undelegateDocumentEvents(),this.graph.view.delegateEvents();let e=this.graph.findViewByCell(this.node),i=this.getEventData(t);e&&(e.removeClass(`node-${i.action}`),i.action==="resizing"&&i.resized?this.notify("node:resized",t,e):i.action==="rotating"&&i.rotated&&this.notify("node:rotated",t,e))}notify(t,e,i,r={}){if(i){let s=i.graph,n=s.view.normalizeEvent(e),h=s.snapToGrid(n.clientX,n.clientY);this.trigger(t,Object.assign({e:n,view:i,node:i.cell,cell:i.cell,x:h.x,y:h.y},r))}}dispose(){this.stopListening(),this.remove(),this.off()}};$([I.dispose()],C.prototype,"dispose",null);var p;(function(a){a.NODE_CLS="has-widget-transform",a.DIRECTIONS=["nw","n","ne","e","se","s","sw","w"],a.POSITIONS=["top-left","top","top-right","right","bottom-right","bottom","bottom-left","left"],a.documentEvents={mousemove:"onMouseMove",touchmove:"onMouseMove",mouseup:"onMouseUp",touchend:"onMouseUp"},a.defaultOptions={minWidth:0,minHeight:0,maxWidth:1/0,maxHeight:1/0,rotateGrid:15,rotatable:!0,preserveAspectRatio:!1,orthogonalResizing:!0,restrictedResizing:!1,autoScrollOnResizing:!0,allowReverse:!0}})(p||(p={}));var M=`.x6-widget-transform {
  position: absolute;
  box-sizing: content-box !important;
  margin: -5px 0 0 -5px;
  padding: 4px;
  border: 1px dashed #000;
  border-radius: 5px;
  user-select: none;
  pointer-events: none;
}
.x6-widget-transform > div {
  position: absolute;
  box-sizing: border-box;
  background-color: #fff;
  border: 1px solid #000;
  transition: background-color 0.2s;
  pointer-events: auto;
  -webkit-user-drag: none;
  user-drag: none;
  /* stylelint-disable-line */
}
.x6-widget-transform > div:hover {
  background-color: #d3d3d3;
}
.x6-widget-transform-cursor-n {
  cursor: n-resize;
}
.x6-widget-transform-cursor-s {
  cursor: s-resize;
}
.x6-widget-transform-cursor-e {
  cursor: e-resize;
}
.x6-widget-transform-cursor-w {
  cursor: w-resize;
}
.x6-widget-transform-cursor-ne {
  cursor: ne-resize;
}
.x6-widget-transform-cursor-nw {
  cursor: nw-resize;
}
.x6-widget-transform-cursor-se {
  cursor: se-resize;
}
.x6-widget-transform-cursor-sw {
  cursor: sw-resize;
}
.x6-widget-transform-resize {
  width: 10px;
  height: 10px;
  border-radius: 6px;
}
.x6-widget-transform-resize[data-position='top-left'] {
  top: -5px;
  left: -5px;
}
.x6-widget-transform-resize[data-position='top-right'] {
  top: -5px;
  right: -5px;
}
.x6-widget-transform-resize[data-position='bottom-left'] {
  bottom: -5px;
  left: -5px;
}
.x6-widget-transform-resize[data-position='bottom-right'] {
  right: -5px;
  bottom: -5px;
}
.x6-widget-transform-resize[data-position='top'] {
  top: -5px;
  left: 50%;
  margin-left: -5px;
}
.x6-widget-transform-resize[data-position='bottom'] {
  bottom: -5px;
  left: 50%;
  margin-left: -5px;
}
.x6-widget-transform-resize[data-position='left'] {
  top: 50%;
  left: -5px;
  margin-top: -5px;
}
.x6-widget-transform-resize[data-position='right'] {
  top: 50%;
  right: -5px;
  margin-top: -5px;
}
.x6-widget-transform.prevent-aspect-ratio .x6-widget-transform-resize[data-position='top'],
.x6-widget-transform.prevent-aspect-ratio .x6-widget-transform-resize[data-position='bottom'],
.x6-widget-transform.prevent-aspect-ratio .x6-widget-transform-resize[data-position='left'],
.x6-widget-transform.prevent-aspect-ratio .x6-widget-transform-resize[data-position='right'] {
  display: none;
}
.x6-widget-transform.no-orth-resize .x6-widget-transform-resize[data-position='bottom'],
.x6-widget-transform.no-orth-resize .x6-widget-transform-resize[data-position='left'],
.x6-widget-transform.no-orth-resize .x6-widget-transform-resize[data-position='right'],
.x6-widget-transform.no-orth-resize .x6-widget-transform-resize[data-position='top'] {
  display: none;
}
.x6-widget-transform.no-resize .x6-widget-transform-resize {
  display: none;
}
.x6-widget-transform-rotate {
  top: -20px;
  left: -20px;
  width: 12px;
  height: 12px;
  border-radius: 6px;
  cursor: crosshair;
}
.x6-widget-transform.no-rotate .x6-widget-transform-rotate {
  display: none;
}
.x6-widget-transform-active {
  border-color: transparent;
  pointer-events: all;
}
.x6-widget-transform-active > div {
  display: none;
}
.x6-widget-transform-active > .x6-widget-transform-active-handle {
  display: block;
  background-color: #808080;
}
`;import{Graph as T}from"@antv/x6";T.prototype.createTransformWidget=function(a){let t=this.getPlugin("transform");return t&&t.createWidget(a),this};T.prototype.clearTransformWidgets=function(){let a=this.getPlugin("transform");return a&&a.clearWidgets(),this};var B=function(a,t,e,i){var r=arguments.length,s=r<3?t:i===null?i=Object.getOwnPropertyDescriptor(t,e):i,n;if(typeof Reflect=="object"&&typeof Reflect.decorate=="function")s=Reflect.decorate(a,t,e,i);else for(var h=a.length-1;h>=0;h--)(n=a[h])&&(s=(r<3?n(s):r>3?n(t,e,s):n(t,e))||s);return r>3&&s&&Object.defineProperty(t,e,s),s},N=class a extends H{constructor(t={}){super(),this.name="transform",this.widgets=new Map,this.disabled=!1,this.options=t,A.ensure(this.name,M)}init(t){this.graph=t,!this.disabled&&this.startListening()}startListening(){this.graph.on("node:click",this.onNodeClick,this),this.graph.on("blank:mousedown",this.onBlankMouseDown,this)}stopListening(){this.graph.off("node:click",this.onNodeClick,this),this.graph.off("blank:mousedown",this.onBlankMouseDown,this)}enable(){this.disabled&&(this.disabled=!1,this.startListening())}disable(){this.disabled||(this.disabled=!0,this.stopListening())}isEnabled(){return!this.disabled}createWidget(t){this.clearWidgets();let e=this.createTransform(t);e&&(this.widgets.set(t,e),e.on("*",(i,r)=>{this.trigger(i,r),this.graph.trigger(i,r)}))}onNodeClick({node:t}){this.createWidget(t)}onBlankMouseDown(){this.clearWidgets()}createTransform(t){let e=this.getTransformOptions(t);return e.resizable||e.rotatable?new C(e,t,this.graph):null}getTransformOptions(t){this.options.resizing||(this.options.resizing={enabled:!1}),this.options.rotating||(this.options.rotating={enabled:!1}),typeof this.options.resizing=="boolean"&&(this.options.resizing={enabled:this.options.resizing}),typeof this.options.rotating=="boolean"&&(this.options.rotating={enabled:this.options.rotating});let e=a.parseOptionGroup(this.graph,t,this.options.resizing),i=a.parseOptionGroup(this.graph,t,this.options.rotating);return{resizable:!!e.enabled,minWidth:e.minWidth||0,maxWidth:e.maxWidth||Number.MAX_SAFE_INTEGER,minHeight:e.minHeight||0,maxHeight:e.maxHeight||Number.MAX_SAFE_INTEGER,orthogonalResizing:typeof e.orthogonal=="boolean"?e.orthogonal:!0,restrictedResizing:!!e.restrict,autoScrollOnResizing:typeof e.autoScroll=="boolean"?e.autoScroll:!0,preserveAspectRatio:!!e.preserveAspectRatio,allowReverse:typeof e.allowReverse=="boolean"?e.allowReverse:!0,rotatable:!!i.enabled,rotateGrid:i.grid||15}}clearWidgets(){this.widgets.forEach((t,e)=>{this.graph.getCellById(e.id)&&t.dispose()}),this.widgets.clear()}dispose(){this.clearWidgets(),this.stopListening(),this.off(),A.clean(this.name)}};B([H.dispose()],N.prototype,"dispose",null);(function(a){function t(e,i,r){let s={};return Object.keys(r||{}).forEach(n=>{let h=r[n];s[n]=typeof h=="function"?h.call(e,i):h}),s}a.parseOptionGroup=t})(N||(N={}));export{N as Transform};
