import { claimHeaderRu, claimHeaderTg, closingRu, closingTg } from './common';
import type { TemplateSource } from './types';

export const source: TemplateSource = {
  tg: [
    ...claimHeaderTg(),
    { kind: 'title', text: 'АРИЗАИ ДАЪВОГӢ' },
    { kind: 'subtitle', text: 'дар бораи тақсими молу мулки муштараки ҳамсарон' },
    { kind: 'p', text: '{{?marriage_registered}}Ман бо ҷавобгар {{respondent_name}} дар ақди никоҳи қайдшуда мебошам (шаҳодатномаи ақди никоҳ: {{marriage_cert}}). Молу мулке, ки ҳамсарон дар давраи ақди никоҳ ба даст овардаанд, моликияти муштараки онҳо мебошад.' },
    {
      kind: 'p',
      text: '{{?marriage_religious}}Никоҳи ман бо ҷавобгар {{respondent_name}} танҳо бо тартиби динӣ баста шудааст. Тибқи {{ref_family_art10}} чунин никоҳ реҷаи моликияти муштараки ҳамсаронро ба вуҷуд намеорад; аз ин рӯ ман тақсими молу мулкро дар асоси саҳми худ дар ба даст овардани он талаб мекунам.',
    },
    { kind: 'p', text: 'Дар давраи зиндагии якҷоя молу мулки зерин ба даст оварда шудааст:' },
    { kind: 'table', header: ['№', 'Номгӯй', 'Арзиш (сомонӣ)', 'Санаи харид'], row: ['{{property.n}}', '{{property.item}}', '{{property.value}}', '{{property.acquired_on}}'] },
    { kind: 'p', text: 'Арзиши умумии молу мулк: {{total}} ({{total_words}}).' },
    { kind: 'p', text: 'Ҷавобгар аз тақсими ихтиёрии молу мулк даст мекашад. Асоси ҳуқуқӣ: {{ref_family_property_division}}.' },
    { kind: 'label', text: 'Дар асоси гуфтаҳои боло, хоҳиш менамоям:' },
    { kind: 'p', text: 'Молу мулки муштараки ҳамсарон тақсим карда шавад: {{requested_share}}' },
    ...closingTg(),
  ],
  ru: [
    ...claimHeaderRu(),
    { kind: 'title', text: 'ИСКОВОЕ ЗАЯВЛЕНИЕ' },
    { kind: 'subtitle', text: 'о разделе совместно нажитого имущества супругов' },
    { kind: 'p', text: '{{?marriage_registered}}Ответчик {{respondent_name}} и я состоим в зарегистрированном браке (свидетельство о браке: {{marriage_cert}}). Имущество, нажитое супругами во время брака, является их совместной собственностью.' },
    {
      kind: 'p',
      text: '{{?marriage_religious}}Наш с ответчиком брак заключён только по религиозному обряду. Согласно {{ref_family_art10}} такой брак не порождает режима общей собственности супругов, поэтому я прошу разделить имущество исходя из моего вклада в его приобретение.',
    },
    { kind: 'p', text: 'За время совместной жизни приобретено следующее имущество:' },
    { kind: 'table', header: ['№', 'Наименование', 'Стоимость (сомони)', 'Дата приобретения'], row: ['{{property.n}}', '{{property.item}}', '{{property.value}}', '{{property.acquired_on}}'] },
    { kind: 'p', text: 'Общая стоимость имущества: {{total}} ({{total_words}}).' },
    { kind: 'p', text: 'Ответчик отказывается разделить имущество добровольно. Правовое основание: {{ref_family_property_division}}.' },
    { kind: 'label', text: 'На основании изложенного ПРОШУ:' },
    { kind: 'p', text: 'Разделить совместно нажитое имущество супругов: {{requested_share}}' },
    ...closingRu(),
  ],
};
