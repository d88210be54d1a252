/**
 * The `viewType` of the preview panel (also used by the panel serializer). On its own so that the main bundle,
 * which registers the serializer, does not hold the whole protocol (it loads with the preview chunk).
 */
export const PREVIEW_VIEW_TYPE = 'bizflow.preview';
