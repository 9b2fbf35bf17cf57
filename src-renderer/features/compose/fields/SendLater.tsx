import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { MessageKey } from '../../../i18n/catalogs.js';
import { useT } from '../../../i18n/use-t.js';
import { EVENING_HOUR, MORNING_HOUR, presets, scheduleProblem, whenOf, type SendWhen } from './send-later.js';
import { dateInputValue, machineTimeZone, parseWallInputs, timeInputValue, timeZones, wallTimeAt, zonedToInstant, type WallFold } from './zoned-time.js';

/** The clock the choices are read against, moved on every half minute so "This evening" goes once 18:00 passes. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const PROBLEM: Record<'past' | 'incomplete', MessageKey> = { past: 'composeFields.later.past', incomplete: 'composeFields.later.incomplete' };

/**
 * When to send: now, this evening (18:00), tomorrow morning (08:00), or a date, time and time zone (the machine's
 * by default). The chosen time is turned into an instant with that zone's rules, so a time the clocks skip or show
 * twice is said, and a time already past is refused beside the choice.
 */
export function SendLater({ sendAt, onChange }: { sendAt: string | null; onChange(sendAt: string | null): void }) {
  const t = useT();
  const intl = useIntl();
  const id = useId();
  const now = useNow();
  const machine = useMemo(machineTimeZone, []);
  const zones = useMemo(() => timeZones(machine), [machine]);
  const { evening, morning } = presets(now, machine);
  const [when, setWhen] = useState<SendWhen>(() => whenOf(sendAt, now, machine));
  const [zone, setZone] = useState(machine);
  const initial = wallTimeAt(sendAt ? Date.parse(sendAt) : morning, machine);
  const [date, setDate] = useState(() => dateInputValue(initial));
  const [time, setTime] = useState(() => timeInputValue(initial));
  const [fold, setFold] = useState<WallFold>(null);
  const [incomplete, setIncomplete] = useState(false);
  // What this picker last passed on: a different `sendAt` comes from elsewhere (a draft opened) and is shown anew.
  const emitted = useRef(sendAt);
  const emit = (next: string | null) => {
    emitted.current = next;
    onChange(next);
  };
  useEffect(() => {
    if (sendAt === emitted.current) return;
    emitted.current = sendAt;
    const wall = wallTimeAt(sendAt ? Date.parse(sendAt) : morning, machine);
    setWhen(whenOf(sendAt, Date.now(), machine));
    setZone(machine);
    setDate(dateInputValue(wall));
    setTime(timeInputValue(wall));
    setFold(null);
    setIncomplete(false);
  }, [sendAt]);

  function choose(next: SendWhen) {
    setWhen(next);
    setIncomplete(false);
    setFold(null);
    if (next === 'now') emit(null);
    else if (next === 'evening' && evening !== null) emit(new Date(evening).toISOString());
    else if (next === 'morning') emit(new Date(morning).toISOString());
    else if (next === 'custom') applyCustom(date, time, zone);
  }

  function applyCustom(d: string, tm: string, z: string) {
    const wall = parseWallInputs(d, tm);
    setIncomplete(wall === null);
    if (wall === null) return setFold(null);
    const { epochMs, fold: f } = zonedToInstant(wall, z);
    setFold(f);
    // A past instant is passed on too: it is refused here, and again by the composer before sending.
    emit(new Date(epochMs).toISOString());
  }

  const problem = when === 'custom' && incomplete ? 'incomplete' : scheduleProblem(when === 'now' ? null : sendAt, now);
  const summary = (epochMs: number, z: string) => intl.formatDate(epochMs, { dateStyle: 'full', timeStyle: 'short', timeZone: z });
  // A wall-clock time as the locale writes one ("18:00", "6:00 PM"): formatted as UTC so no zone shifts it.
  const hourText = (hour: number, minute = 0) => intl.formatTime(Date.UTC(2000, 0, 1, hour, minute), { timeStyle: 'short', timeZone: 'UTC' });
  const typed = parseWallInputs(date, time);
  const typedTime = typed ? hourText(typed.hour, typed.minute) : time;
  const radio = (value: SendWhen, label: string, disabled = false, hint?: string) => (
    <label className={`cf-option${disabled ? ' is-disabled' : ''}`}>
      <input type="radio" name={`${id}-when`} value={value} checked={when === value} disabled={disabled} onChange={() => choose(value)} data-testid={`send-when-${value}`} />
      {label}
      {hint ? <span className="cf-hint"> {hint}</span> : null}
    </label>
  );

  return (
    <fieldset className="cf-send-later" data-testid="compose-send-later" data-problem={problem ?? undefined}>
      <legend>{t('composeFields.later.legend')}</legend>
      {radio('now', t('composeFields.later.now'))}
      {radio('evening', t('composeFields.later.evening', { time: hourText(EVENING_HOUR) }), evening === null, evening === null ? t('composeFields.later.eveningPast') : undefined)}
      {radio('morning', t('composeFields.later.morning', { time: hourText(MORNING_HOUR) }))}
      {radio('custom', t('composeFields.later.custom'))}
      {when === 'custom' ? (
        <div className="cf-later-custom">
          <label htmlFor={`${id}-date`}>{t('composeFields.later.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            className="cf-input"
            value={date}
            min={dateInputValue(wallTimeAt(now, zone))}
            aria-invalid={problem !== null || undefined}
            aria-describedby={`${id}-summary`}
            onChange={(e) => {
              setDate(e.target.value);
              applyCustom(e.target.value, time, zone);
            }}
            data-testid="send-later-date"
          />
          <label htmlFor={`${id}-time`}>{t('composeFields.later.time')}</label>
          <input
            id={`${id}-time`}
            type="time"
            className="cf-input"
            value={time}
            aria-invalid={problem !== null || undefined}
            aria-describedby={`${id}-summary`}
            onChange={(e) => {
              setTime(e.target.value);
              applyCustom(date, e.target.value, zone);
            }}
            data-testid="send-later-time"
          />
          <label htmlFor={`${id}-zone`}>{t('composeFields.later.zone')}</label>
          <select
            id={`${id}-zone`}
            className="cf-input"
            value={zone}
            onChange={(e) => {
              setZone(e.target.value);
              applyCustom(date, time, e.target.value);
            }}
            data-testid="send-later-zone"
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z === machine ? t('composeFields.later.zoneHere', { zone: z }) : z}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <p id={`${id}-summary`} className={problem ? 'cf-later-problem' : 'cf-later-summary'} role={problem ? 'alert' : 'status'} data-testid="send-later-summary">
        {problem
          ? t(PROBLEM[problem])
          : sendAt === null || when === 'now'
            ? ''
            : [
                t('composeFields.later.summary', { when: summary(Date.parse(sendAt), when === 'custom' ? zone : machine) }),
                when === 'custom' && zone !== machine ? t('composeFields.later.here', { when: summary(Date.parse(sendAt), machine) }) : '',
                fold === 'gap' ? t('composeFields.later.gap', { time: typedTime, zone }) : fold === 'overlap' ? t('composeFields.later.overlap', { time: typedTime, zone }) : '',
              ]
                .filter((s) => s !== '')
                .join(' ')}
      </p>
    </fieldset>
  );
}
