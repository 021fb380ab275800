import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { App } from './App';
import { connectBackendEvents } from './data/backend-events';
import { queryClient } from './data/query-client';
import './styles.css';

connectBackendEvents(queryClient());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient()}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
