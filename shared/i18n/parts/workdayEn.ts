// Texts of the everyday form behaviour: refused saves, kept drafts, clearing a form.
export const workdayEn = {
  workday: {
    fixFields: 'Correct the marked fields ({{count}}); the cursor is in the first one.',
    draftRestored: 'Restored unsaved entry from {{time}}.',
    draftDiscard: 'Discard it',
    clearTitle: 'Clear the form?',
    clearBody: 'Everything typed in this form will be lost.',
    clearConfirm: 'Clear',
  },
} as const;
