import { policyLayout } from "../model/strings.js";
import type { Bundle, Policy } from "../model/types.js";
import { renderControl } from "./controls.js";
import { exampleOptions, type ExampleOptions } from "./example-values.js";
import { markup, type SafeHtml } from "./html.js";
import {
  findPolicy,
  normalizeBreaks,
  policyTitle,
  previewContext,
  supportedOnText,
  type PreviewContext,
} from "./preview-context.js";
import { renderRegistryPanel, type PolicyRegistry } from "./registry-panel.js";

/** Options of {@link renderPolicyPreview}. */
export interface PolicyPreviewOptions {
  /** Locale of the policy texts; the bundle must have a catalog for it. */
  readonly locale: string;
  /** Registry entries of Enabled (with `options`) and Disabled; without them the panel says so. */
  readonly registry?: PolicyRegistry;
  /** Option values of the Enabled example; default: each control's starting value. */
  readonly options?: ExampleOptions;
  /** Links for the dialog's Previous Setting / Next Setting buttons (relative hrefs). */
  readonly previous?: string;
  readonly next?: string;
}

function statesFieldset(ctx: PreviewContext, policy: Policy): SafeHtml {
  const name = `state-${policy.name}`;
  // Enabled is shown selected: it is the state whose options and registry effects need review.
  const radio = (value: string, label: string, checked: boolean) =>
    markup`<label class="state"><input type="radio" name="${name}" value="${value}" ${checked ? markup` checked` : null} />${label}</label>`;
  return markup`<div class="states" role="radiogroup">${radio("notConfigured", ctx.ui("preview.notConfigured"), false)}${radio("enabled", ctx.ui("preview.enabled"), true)}${radio("disabled", ctx.ui("preview.disabled"), false)}</div>`;
}

function navButtons(ctx: PreviewContext, options: PolicyPreviewOptions): SafeHtml {
  const button = (href: string | undefined, label: string) =>
    href
      ? markup`<a class="button" href="${href}">${label}</a>`
      : markup`<span class="button disabled" aria-disabled="true">${label}</span>`;
  return markup`<div class="nav-buttons">${button(options.previous, ctx.ui("preview.previousSetting"))}${button(options.next, ctx.ui("preview.nextSetting"))}</div>`;
}

/**
 * The Options pane: the presentation's controls and text lines, in the order the ADML lists them,
 * each control showing its value in the Enabled example.
 */
function optionsPane(ctx: PreviewContext, policy: Policy, example: ExampleOptions): SafeHtml[] {
  const elements = new Map((policy.elements ?? []).map((e) => [e.id, e]));
  return policyLayout(policy).map((entry) => {
    if (entry.type === "text")
      return markup`<p class="ctl ctl-textline">${normalizeBreaks(ctx.text(entry.text))}</p>`;
    const element = elements.get(entry.elementId)!;
    const value = Object.hasOwn(example, entry.elementId) ? example[entry.elementId] : undefined;
    return renderControl(ctx, entry.control, element, `${policy.name}-${entry.elementId}`, value);
  });
}

/** The dialog and the registry panel of one policy, for a context already resolved. */
export function renderPolicyWithContext(
  ctx: PreviewContext,
  policy: Policy,
  options: PolicyPreviewOptions,
): SafeHtml {
  const title = policyTitle(ctx, policy);
  const example = exampleOptions(policy, options.options, ctx.ui("preview.exampleText"));
  return markup`<article class="gp-preview" lang="${ctx.locale}" data-policy="${policy.name}"><div class="window"><div class="titlebar" aria-hidden="true"><span class="app-icon"></span><span class="window-title">${title}</span><span class="window-close"></span></div><div class="dialog"><div class="header-row"><div class="policy-title"><span class="setting-icon" aria-hidden="true"></span><h1>${title}</h1></div>${navButtons(ctx, options)}</div><div class="state-row">${statesFieldset(ctx, policy)}<div class="meta"><div class="meta-row"><span class="meta-label">${ctx.ui("preview.comment")}</span><div class="box comment"></div></div><div class="meta-row"><span class="meta-label">${ctx.ui("preview.supportedOn")}</span><div class="box supported">${supportedOnText(ctx, policy)}</div></div></div></div><div class="panes"><section class="pane"><h2 class="pane-label">${ctx.ui("preview.options")}</h2><div class="box options">${optionsPane(ctx, policy, example)}</div></section><section class="pane"><h2 class="pane-label">${ctx.ui("preview.help")}</h2><div class="box help">${normalizeBreaks(ctx.text(policy.explainText))}</div></section></div><div class="dialog-buttons" aria-hidden="true"><span class="button default">${ctx.ui("preview.ok")}</span><span class="button">${ctx.ui("preview.cancel")}</span><span class="button disabled">${ctx.ui("preview.apply")}</span></div></div></div>${renderRegistryPanel(ctx, policy, options.registry, example)}</article>`;
}

/**
 * The preview of one policy as an HTML fragment: the Group Policy editor's setting dialog (title, the
 * Not Configured / Enabled / Disabled choice with Enabled selected, Supported on, the Options pane built
 * from the presentation, the Help text with its line breaks) and the registry panel. Every policy text
 * is escaped. Style it with {@link PREVIEW_CSS}.
 */
export function renderPolicyPreview(
  bundle: Bundle,
  policyName: string,
  options: PolicyPreviewOptions,
): string {
  const ctx = previewContext(bundle, options.locale);
  return renderPolicyWithContext(ctx, findPolicy(bundle, policyName), options).value;
}
