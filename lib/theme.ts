// Theme preference lives in a cookie so the server renders the right class (no flash).
export const THEME_COOKIE = "runway_theme";
export type Theme = "light" | "dark" | "system";

export function parseTheme(v: string | undefined): Theme {
  return v === "light" || v === "dark" ? v : "system";
}

/** Runs before paint when the preference is "system". */
export const systemThemeScript = `(function(){try{if(window.matchMedia('(prefers-color-scheme: dark)').matches)document.documentElement.classList.add('dark')}catch(e){}})();`;
