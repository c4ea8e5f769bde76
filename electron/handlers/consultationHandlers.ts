import { getConsultation, listConsultations, registerAtDesk, saveConsultation } from '../services/consultations';
import type { HandlerMap } from './types';

export const consultationHandlers: HandlerMap<'consultations:list' | 'consultations:get' | 'consultations:save' | 'desk:register'> = {
  'consultations:list': async (input, { app }) => listConsultations(app.requireUnlocked(), input),
  'consultations:get': async ({ id }, { app }) => getConsultation(app.requireUnlocked(), id),
  'consultations:save': async (input, { app }) => saveConsultation(app.requireUnlocked(), input),
  'desk:register': async (input, { app }) => registerAtDesk(app.requireUnlocked(), input),
};
