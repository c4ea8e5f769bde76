// English texts of the lists' filters (kept in the address) and the links that open a filtered list. tg and ru: same keys.
export const listFiltersEn = {
  left: 'no longer works here',
  withoutSupport: 'Without support',
  onlyWithoutSupport: 'Only women without support today',
  issue: 'Issue',
  lawyer: 'Lawyer',
  homeDistrict: 'District of residence',
  deadlines: 'Deadlines',
  onlyOverdue: 'Only overdue cases',
  overdueRule: 'A task past its due date, or a hearing passed with no result recorded.',
  session: 'Mobile session',
  chosenSession: 'The chosen session',
  overdueCasesLink: 'All overdue cases',
  sessionConsultationsLink: 'These consultations in the list of consultations',
  filingsSearch: "Client's name, case number or court case number",
  filingsCasesLabel: 'Cases to prepare a filing for',
};
