export { SavedViewsMenu } from './SavedViewsMenu';
export type { SavedViewsController, SavedViewsOptions } from './useSavedViews';
export { useSavedViews } from './useSavedViews';
