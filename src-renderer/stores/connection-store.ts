import { create } from 'zustand';
import type { ConnectionState } from '../api/connection.js';

export const useConnection = create<{ state: ConnectionState }>(() => ({ state: 'connecting' }));
