import { useMemo } from 'react';
import { apiRequest } from '../api/http';
import { useSignedInUser } from '../auth/AuthContext';
import { Send, walletApi, WalletApi } from './wallet-api';

/** The app's one API client (bearer token, ApiError with the server's message) behind the wallet routes. */
const send: Send = (method, path, body, headers) => apiRequest(path, { method, body, headers });

export function useWalletApi(): WalletApi {
  return useMemo(() => walletApi(send), []);
}

export function useCurrentUserId(): string {
  return useSignedInUser().id;
}
