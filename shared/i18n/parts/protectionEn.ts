// The conflict-of-interest check and sensitive records (English).
export const protectionEn = {
  protection: {
    sensitiveTitle: 'Sensitive record',
    notSensitive: 'Not sensitive',
    sensitiveHintCase: 'A sensitive case is seen only by its responsible lawyer and administrators. Statistics still count it; receipts leave its issues and advice off.',
    sensitiveHintClient: 'A sensitive client is seen only by the lawyer who registered her, the responsible lawyers of her cases and administrators. Statistics still count her.',
    saveMark: 'Save the mark',
    markSaved: 'Mark saved',
    marked: 'Sensitive: {{kind}}',
    mergeKeepsMark: 'One of the two records is marked sensitive: the record that stays keeps the mark.',
    restricted: 'Restricted record',
    restrictedMatch: 'Restricted record (ask an administrator)',
    respondentPhone: 'Respondent’s phone',
    conflictTitle: 'Possible conflict of interest',
    conflictIntro: 'The respondent may be a client of this office, and an office must not advise both sides. Look at the records below before you go on.',
    conflictReason: 'Why you go on',
    conflictProceed: 'Save anyway',
    conflictCancelled: 'The case was not saved.',
    conflictNote: 'Conflict of interest checked: {{note}}',
  },
};
