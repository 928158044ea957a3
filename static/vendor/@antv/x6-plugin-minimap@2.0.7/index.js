import{FunctionExt as b,CssLoader as f,Dom as h,View as u,Graph as x}from"@antv/x6";var m=`.x6-widget-minimap {
  position: relative;
  display: table-cell;
  box-sizing: border-box;
  overflow: hidden;
  text-align: center;
  vertical-align: middle;
  background-color: #fff;
  user-select: none;
}
.x6-widget-minimap .x6-graph {
  display: inline-block;
  box-shadow: 0 0 4px 0 #eee;
  cursor: pointer;
}
.x6-widget-minimap .x6-graph > svg {
  pointer-events: none;
  shape-rendering: optimizespeed;
}
.x6-widget-minimap .x6-graph .x6-node * {
  /* stylelint-disable-next-line */
  vector-effect: initial;
}
.x6-widget-minimap-viewport {
  position: absolute;
  box-sizing: content-box !important;
  margin: -2px 0 0 -2px;
  border: 2px solid #31d0c6;
  cursor: move;
}
.x6-widget-minimap-viewport-zoom {
  position: absolute;
  right: 0;
  bottom: 0;
  box-sizing: border-box;
  width: 12px;
  height: 12px;
  margin: 0 -6px -6px 0;
  background-color: #fff;
  border: 2px solid #31d0c6;
  border-radius: 50%;
  cursor: nwse-resize;
}
`;var w=function(n,i,e,s){var o=arguments.length,t=o<3?i:s===null?s=Object.getOwnPropertyDescriptor(i,e):s,r;if(typeof Reflect=="object"&&typeof Reflect.decorate=="function")t=Reflect.decorate(n,i,e,s);else for(var a=n.length-1;a>=0;a--)(r=n[a])&&(t=(o<3?r(t):o>3?r(i,e,t):r(i,e))||t);return o>3&&t&&Object.defineProperty(i,e,t),t},g=class extends u{get scroller(){return this.graph.getPlugin("scroller")}get graphContainer(){return this.scroller?this.scroller.container:this.graph.container}constructor(i){super(),this.name="minimap",this.options=Object.assign(Object.assign({},d.defaultOptions),i),f.ensure(this.name,m)}init(i){this.graph=i,this.updateViewport=b.debounce(this.updateViewport.bind(this),0),this.container=document.createElement("div"),h.addClass(this.container,this.prefixClassName(l.root));let e=document.createElement("div");this.container.appendChild(e),this.viewport=document.createElement("div"),h.addClass(this.viewport,this.prefixClassName(l.viewport)),this.options.scalable&&(this.zoomHandle=document.createElement("div"),h.addClass(this.zoomHandle,this.prefixClassName(l.zoom)),h.appendTo(this.zoomHandle,this.viewport)),h.append(this.container,this.viewport),h.css(this.container,{width:this.options.width,height:this.options.height,padding:this.options.padding}),this.options.container&&this.options.container.appendChild(this.container),this.sourceGraph=this.graph;let s=Object.assign(Object.assign({},this.options.graphOptions),{container:e,model:this.sourceGraph.model,interacting:!1,grid:!1,background:!1,embedding:!1});this.targetGraph=this.options.createGraph?this.options.createGraph(s):new x(s),this.updatePaper(this.sourceGraph.options.width,this.sourceGraph.options.height),this.startListening()}startListening(){this.scroller?h.Event.on(this.graphContainer,`scroll${this.getEventNamespace()}`,this.updateViewport):(this.sourceGraph.on("translate",this.onTransform,this),this.sourceGraph.on("scale",this.onTransform,this),this.sourceGraph.on("model:updated",this.onModelUpdated,this)),this.sourceGraph.on("resize",this.updatePaper,this),this.delegateEvents({mousedown:"startAction",touchstart:"startAction",[`mousedown .${this.prefixClassName("graph")}`]:"scrollTo",[`touchstart .${this.prefixClassName("graph")}`]:"scrollTo"})}stopListening(){this.scroller?h.Event.off(this.graphContainer,this.getEventNamespace()):(this.sourceGraph.off("translate",this.onTransform,this),this.sourceGraph.off("scale",this.onTransform,this),this.sourceGraph.off("model:updated",this.onModelUpdated,this)),this.sourceGraph.off("resize",this.updatePaper,this),this.undelegateEvents()}onRemove(){this.stopListening(),this.targetGraph.dispose(!1)}onTransform(i){(i.ui||this.targetGraphTransforming||!this.scroller)&&this.updateViewport()}onModelUpdated(){this.targetGraph.zoomToFit()}updatePaper(i,e){let s,o;typeof i=="object"?(s=i.width,o=i.height):(s=i,o=e);let t=this.sourceGraph.options,r=this.sourceGraph.transform.getScale(),a=this.options.width-2*this.options.padding,c=this.options.height-2*this.options.padding;s/=r.sx,o/=r.sy,this.ratio=Math.min(a/s,c/o);let p=this.ratio,v=t.x*p/r.sx,G=t.y*p/r.sy;return s*=p,o*=p,this.targetGraph.resize(s,o),this.targetGraph.translate(v,G),this.scroller?this.targetGraph.scale(p,p):this.targetGraph.zoomToFit(),this.updateViewport(),this}updateViewport(){let i=this.sourceGraph.transform.getScale(),e=this.targetGraph.transform.getScale(),s=null;this.scroller?s=this.scroller.clientToLocalPoint(0,0):s=this.graph.graphToLocal(0,0);let o=h.position(this.targetGraph.container),t=this.targetGraph.translate();t.ty=t.ty||0,this.geometry={top:o.top+s.y*e.sy+t.ty,left:o.left+s.x*e.sx+t.tx,width:this.graphContainer.clientWidth*e.sx/i.sx,height:this.graphContainer.clientHeight*e.sy/i.sy},h.css(this.viewport,this.geometry)}startAction(i){let e=this.normalizeEvent(i),s=e.target===this.zoomHandle?"zooming":"panning",{tx:o,ty:t}=this.sourceGraph.translate(),r={action:s,clientX:e.clientX,clientY:e.clientY,scrollLeft:this.graphContainer.scrollLeft,scrollTop:this.graphContainer.scrollTop,zoom:this.sourceGraph.zoom(),scale:this.sourceGraph.transform.getScale(),geometry:this.geometry,translateX:o,translateY:t};this.targetGraphTransforming=!0,this.delegateDocumentEvents(d.documentEvents,r)}doAction(i){let e=this.normalizeEvent(i),s=e.clientX,o=e.clientY,t=e.data;switch(t.action){case"panning":{let r=this.sourceGraph.transform.getScale(),a=(s-t.clientX)*r.sx,c=(o-t.clientY)*r.sy;this.scroller?(this.graphContainer.scrollLeft=t.scrollLeft+a/this.ratio,this.graphContainer.scrollTop=t.scrollTop+c/this.ratio):this.sourceGraph.translate(t.translateX-a/this.ratio,t.translateY-c/this.ratio);break}case"zooming":{let r=t.scale,a=t.geometry,c=1+(t.clientX-s)/a.width/r.sx;t.frameId&&cancelAnimationFrame(t.frameId),t.frameId=requestAnimationFrame(()=>{this.sourceGraph.zoom(c*t.zoom,{absolute:!0,minScale:this.options.minScale,maxScale:this.options.maxScale})});break}default:break}}stopAction(){this.undelegateDocumentEvents(),this.targetGraphTransforming=!1}scrollTo(i){let e=this.normalizeEvent(i),s,o,t=this.targetGraph.translate();if(t.ty=t.ty||0,e.offsetX==null){let c=h.offset(this.targetGraph.container);s=e.pageX-c.left,o=e.pageY-c.top}else s=e.offsetX,o=e.offsetY;let r=(s-t.tx)/this.ratio,a=(o-t.ty)/this.ratio;this.sourceGraph.centerPoint(r,a)}dispose(){this.remove(),f.clean(this.name)}};w([u.dispose()],g.prototype,"dispose",null);var l;(function(n){n.root="widget-minimap",n.viewport=`${n.root}-viewport`,n.zoom=`${n.viewport}-zoom`})(l||(l={}));var d;(function(n){n.defaultOptions={width:300,height:200,padding:10,scalable:!0,minScale:.01,maxScale:16,graphOptions:{},createGraph:i=>new x(i)},n.documentEvents={mousemove:"doAction",touchmove:"doAction",mouseup:"stopAction",touchend:"stopAction"}})(d||(d={}));export{g as MiniMap};
