/**
 * Characters kept free for a note that goes beside the JSON (a second text block), so JSON plus note stay
 * within the response budget.
 */
export const NOTE_ALLOWANCE = 500;
