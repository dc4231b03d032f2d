// Plan text in places where VS Code reads `$(name)` as an icon: quick pick labels, descriptions
// and details, and the status bar (they render with renderLabelWithIcons; tree labels and
// Markdown tooltips without supportThemeIcons do not). A backslash before `$(` is the escape
// VS Code's own escapeIcons uses: the renderer drops it and shows `$(name)` as text.

// VS Code's icon syntax: ThemeIcon.iconNameExpression and iconModifierExpression (base/common/themables.ts).
const ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

/** `text` shown as written where `$(name)` would become an icon. */
export function escapeIcons(text: string): string {
  // Every occurrence gets its own backslash, even one already after a backslash: that one then
  // shows as text too, so `\$(x)` in a plan reads `\$(x)`.
  return text.replace(ICON, (icon) => `\\${icon}`);
}
