import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { altKeysFor, insertAtCaret, isTextField, letterForAltKey, TAJIK_LETTERS } from './tajikLetters';

/**
 * Helps users whose keyboard lacks ғ ӣ қ ӯ ҳ ҷ, in every text field of the app: a letter bar while a
 * text field has focus (buttons keep the focus in the field), and Alt+key shortcuts from the keyboard.
 */
export function LetterPalette() {
  const { t } = useTranslation();
  const target = useRef<HTMLInputElement | HTMLTextAreaElement | null>(null);
  const [visible, setVisible] = useState(false);
  const [capitals, setCapitals] = useState(false);

  useEffect(() => {
    const onFocusIn = (e: FocusEvent) => {
      const el = e.target as Element | null;
      if (isTextField(el)) {
        target.current = el;
        setVisible(true);
      }
    };
    const onFocusOut = () => {
      // Wait for the next element to take focus before deciding to hide.
      setTimeout(() => {
        if (!isTextField(document.activeElement)) setVisible(false);
      }, 0);
    };
    const onKeyDown = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const el = document.activeElement;
      if (!isTextField(el)) return;
      const letter = letterForAltKey(e.key, e.shiftKey);
      if (!letter) return;
      e.preventDefault();
      insertAtCaret(el, letter);
    };
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('keydown', onKeyDown, true);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('keydown', onKeyDown, true);
    };
  }, []);

  if (!visible) return null;
  // A landmark of its own: it sits outside <main>, and screen-reader users should be able to find it.
  return (
    <aside aria-label={t('palette.label')}>
      <div className="letter-palette" role="toolbar" data-fixed-bar aria-label={t('palette.label')}>
        <span className="letter-palette__label">{t('palette.label')}</span>
        {TAJIK_LETTERS.map((lower) => {
          const letter = capitals ? lower.toLocaleUpperCase() : lower;
          const keys = altKeysFor(lower);
          // The keyboard shortcut is shown on the key itself, where the letter is needed.
          const shortcut = keys ? `Alt+${capitals ? 'Shift+' : ''}${keys.cyrillic}` : '';
          return (
            <button
              key={lower}
              type="button"
              tabIndex={-1}
              className="letter-palette__key"
              aria-label={t('palette.insert', { letter })}
              aria-keyshortcuts={keys ? `Alt+${capitals ? 'Shift+' : ''}${keys.cyrillic} Alt+${capitals ? 'Shift+' : ''}${keys.latin}` : undefined}
              title={keys ? t('palette.shortcut', { letter, cyrillic: keys.cyrillic, latin: keys.latin }) : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => target.current && insertAtCaret(target.current, letter)}
            >
              {letter}
              {shortcut && <span className="letter-palette__shortcut">{shortcut}</span>}
            </button>
          );
        })}
        <label className="letter-palette__caps" onMouseDown={(e) => e.preventDefault()}>
          <input type="checkbox" tabIndex={-1} checked={capitals} onChange={(e) => setCapitals(e.target.checked)} />
          {t('palette.capitals')}
        </label>
        <span className="letter-palette__hint">{t('palette.shiftHint')}</span>
      </div>
    </aside>
  );
}
