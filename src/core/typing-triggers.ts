/**
 * The full-width characters `typingFixes` (./typing.ts) corrects, and the
 * characters after which it may have something to correct (kept apart so the
 * editor's main bundle registers format on type without holding the fixes).
 */
export const FW_COLON = '：';
export const FW_COMMA = '，';
export const FW_DASH = '－';
export const FW_SPACE = '\u3000';

/** Characters after which `typingFixes` may have something to correct. */
export const TYPING_TRIGGERS = [FW_COLON, FW_COMMA, ' ', FW_SPACE, '\n'] as const;
