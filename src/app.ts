import { PropsWithChildren } from 'react'
import { answerWechatPrivacyRequests } from './stores/consent'
import './app.scss'

answerWechatPrivacyRequests()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
