import type { protectionEn } from './protectionEn';

// Санҷиши бархӯрди манфиатҳо ва сабтҳои махфӣ (тоҷикӣ).
export const protectionTg: typeof protectionEn = {
  protection: {
    sensitiveTitle: 'Сабти махфӣ',
    notSensitive: 'Махфӣ нест',
    sensitiveHintCase: 'Парвандаи махфиро танҳо ҳуқуқшиноси масъул ва маъмурон мебинанд. Омор онро ҳисоб мекунад; дар расид масъалаҳо ва маслиҳат чоп намешаванд.',
    sensitiveHintClient: 'Мизоҷи махфиро танҳо ҳуқуқшиносе, ки ӯро қайд кардааст, ҳуқуқшиносони масъули парвандаҳояш ва маъмурон мебинанд. Омор ӯро ҳисоб мекунад.',
    saveMark: 'Нигоҳ доштани аломат',
    markSaved: 'Аломат нигоҳ дошта шуд',
    marked: 'Махфӣ: {{kind}}',
    restricted: 'Сабти маҳдуд',
    restrictedMatch: 'Сабти маҳдуд (аз маъмур пурсед)',
    respondentPhone: 'Телефони ҷавобгар',
    conflictTitle: 'Эҳтимоли бархӯрди манфиатҳо',
    conflictIntro: 'Ҷавобгар шояд мизоҷи ҳамин идора бошад, ва идора ба ҳарду тараф маслиҳат дода наметавонад. Пеш аз идома сабтҳои зеринро бинед.',
    conflictReason: 'Чаро идома медиҳед',
    conflictProceed: 'Бо вуҷуди ин нигоҳ доштан',
    conflictCancelled: 'Парванда нигоҳ дошта нашуд.',
    conflictNote: 'Бархӯрди манфиатҳо санҷида шуд: {{note}}',
  },
};
