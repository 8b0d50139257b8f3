import { Navigate, Route, Routes } from 'react-router-dom';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { SignupPage } from './auth/SignupPage';
import { ChannelsPage } from './channels/ChannelsPage';
import { ChatPage } from './chat/ChatPage';
import { ContactsPage } from './contacts/ContactsPage';
import { AppLayout } from './layout/AppLayout';
import { WalletPage } from './wallet/WalletPage';

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/signup" element={<SignupPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<ChannelsPage />} />
        <Route path="/channels/:channelId" element={<ChatPage />} />
        <Route path="/contacts" element={<ContactsPage />} />
        <Route path="/wallet/*" element={<WalletPage />} />
      </Route>
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
