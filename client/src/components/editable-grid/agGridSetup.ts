import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community';

// Community modules only (MIT); registering twice is harmless.
ModuleRegistry.registerModules([AllCommunityModule]);

export const gridTheme = themeQuartz.withParams({
  fontSize: 13,
  headerFontWeight: 600,
  spacing: 6,
  wrapperBorderRadius: 4,
});
