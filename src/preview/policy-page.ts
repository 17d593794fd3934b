/**
 * The one function that renders a policy's page, for the preview of a bundle and of a whole store.
 *
 * Page structure other code relies on (the live editor of src/editor hooks into it; tests query it):
 * - `article.gp-preview[data-policy]`: the dialog and the registry panel of the policy named there;
 * - `input[type=radio][name="state-<Policy>"]` with values `notConfigured`, `enabled`, `disabled`;
 * - `.box.options` holding one `.ctl[data-control=<control type>]` per presentation control, each
 *   input with the id `<Policy>-<elementId>`; `.box.help`; `.box.supported`; `.box.comment`;
 * - `.nav-buttons a.button` (Previous / Next Setting), `.dialog-buttons`;
 * - `section.registry` with `.registry-state[data-state=enabled|disabled]`.
 */
import type { Policy } from "../model/types.js";
import type { ExampleOptions } from "./example-values.js";
import { renderPage, type LanguageLink } from "./page.js";
import { policyTitle, type PreviewContext } from "./preview-context.js";
import type { PolicyRegistry } from "./registry-panel.js";
import { renderPolicyWithContext } from "./render-policy.js";

/** What a policy page shows besides the policy itself. */
export interface PolicyPageParts {
  readonly ctx: PreviewContext;
  readonly policy: Policy;
  /** The Enabled example's option values (shown in the Options pane and the registry panel). */
  readonly example: ExampleOptions;
  readonly registry?: PolicyRegistry;
  /** Relative hrefs of the Previous / Next Setting buttons. */
  readonly previous?: string;
  readonly next?: string;
  readonly breadcrumbs: readonly { readonly label: string; readonly href?: string }[];
  readonly languages: readonly LanguageLink[];
  /** A shared stylesheet instead of the inlined one (see PageParts). */
  readonly stylesheet?: string;
  /** Page scripts (see PageParts); none by default. */
  readonly scripts?: readonly string[];
}

/** A policy's whole page: the setting dialog and registry panel inside the site's frame. */
export function renderPolicyPage(parts: PolicyPageParts): string {
  const { ctx, policy } = parts;
  const body = renderPolicyWithContext(ctx, policy, {
    locale: ctx.locale,
    options: parts.example,
    ...(parts.registry && { registry: parts.registry }),
    ...(parts.previous !== undefined && { previous: parts.previous }),
    ...(parts.next !== undefined && { next: parts.next }),
  });
  return renderPage({
    locale: ctx.locale,
    title: policyTitle(ctx, policy),
    breadcrumbs: parts.breadcrumbs,
    languages: parts.languages,
    languageLabel: ctx.ui("preview.language"),
    body,
    ...(parts.stylesheet !== undefined && { stylesheet: parts.stylesheet }),
    ...(parts.scripts && { scripts: parts.scripts }),
  });
}
