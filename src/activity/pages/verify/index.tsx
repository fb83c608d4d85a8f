import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { toApiError, type CertificateCheck } from '../../../api'
import { activityApi } from '../../../api/activity'
import { Action } from '../../../components/Action'
import { Field } from '../../../components/Field'
import { PageRoot } from '../../../components/PageRoot'
import { describeHours, readCertificateCode } from '../../../domain/activity'
import { inChina } from '../../../domain/chinaTime'
import '../../activity.scss'

/** Public: anyone holding a certificate checks it by its code; only the totals and a masked name are shown. */
export default function VerifyCertificate() {
  const given = useRouter().params.c ?? ''
  const [code, setCode] = useState(given)
  const [problem, setProblem] = useState<string | null>(null)
  const [found, setFound] = useState<CertificateCheck | null>(null)

  async function check(text: string) {
    const read = readCertificateCode(text)
    setFound(null)
    if (!read) {
      setProblem('验证码是16位数字和字母，请核对')
      return
    }
    setProblem(null)
    try {
      setFound(await activityApi.checkCertificate(read))
    } catch (failure) {
      setProblem(toApiError(failure).message)
    }
  }
  // Opened from a certificate's link: check its code at once.
  useEffect(() => {
    if (given) check(given)
  }, [given])

  return (
    <PageRoot askConsent={false}>
      <View className="card form">
        <Field id="certificate-code" label="证明上的验证码" value={code} error={problem} onChange={setCode} onConfirm={() => check(code)} />
        <Action className="btn--primary btn--block" onClick={() => check(code)}>
          查验
        </Action>
      </View>
      {found && (
        <View className="card" role="region" ariaLabel="查验结果">
          <Text className="card__title">证明真实有效</Text>
          <Text>持证人：{found.holder}</Text>
          <Text>服务次数：{found.serviceCount}次</Text>
          <Text>累计服务：{describeHours(found.totalHours)}</Text>
          {found.yearly.map((y) => (
            <Text key={y.year}>
              {y.year}年：{describeHours(y.hours)}
            </Text>
          ))}
          <Text>出具单位：{found.issuer}</Text>
          <Text>出具日期：{inChina(found.issuedAt).format('YYYY年M月D日')}</Text>
        </View>
      )}
    </PageRoot>
  )
}
