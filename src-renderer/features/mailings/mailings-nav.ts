import { create } from 'zustand';
import { showSection } from '../../stores/crm-nav-store.js';

/** The mailing whose view is open in the Mailings section, or null for the list. */
export const useMailingsNav = create<{ openId: number | null }>(() => ({ openId: null }));

export function openMailing(id: number): void {
  useMailingsNav.setState({ openId: id });
  showSection('mailings');
}

export function showMailings(): void {
  useMailingsNav.setState({ openId: null });
  showSection('mailings');
}
