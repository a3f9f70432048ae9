/**
 * What every button-like control shares, links styled as buttons included: a bold, centred label that, with text
 * enlarged on a narrow screen, wraps (breaking a long word if it must) instead of pushing the button past its box.
 * Each control adds its own size and colours.
 */
export const BUTTON_BASE_CLASSES = "inline-flex items-center justify-center rounded-lg text-center font-bold wrap-anywhere";
