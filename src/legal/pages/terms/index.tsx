import { LegalText, type Section } from '../../LegalText'

/** Written for this service: what it offers, what it asks of its users, and its limits. */
const SECTIONS: Section[] = [
  {
    heading: '服务内容',
    paragraphs: ['“东安社区服务”是东安街道为辖区居民提供的免费公益服务，包括六色联系卡（24小时找到人）、微心愿（网格志愿者帮忙办小事）、专家义诊预约和就业创业信息。'],
  },
  {
    heading: '您的承诺',
    paragraphs: [
      '请填写真实的姓名、电话和地址，以便工作人员和志愿者联系、上门。',
      '请勿发布违法、虚假、广告或侵害他人权益的内容；不按时就诊请提前取消预约，把名额让给候补的居民。',
      '代办：网格志愿者和街道工作人员可在征得居民同意后代为发布心愿、预约义诊或报名，记录归居民本人所有。',
    ],
  },
  {
    heading: '服务的限度',
    paragraphs: [
      '专家义诊是公益健康咨询和筛查，不能代替医院的正式诊疗；身体不适请及时就医，紧急情况请拨打120。',
      '就业岗位信息由用工单位提供，街道负责审核发布；请通过正规渠道与用工单位签订合同，不要缴纳任何押金或费用。',
      '微心愿由志愿者自愿认领，我们会尽力安排，但不能保证每个心愿都能实现。',
    ],
  },
  {
    heading: '个人信息',
    paragraphs: ['我们如何处理您的个人信息，请阅读《隐私政策》。'],
  },
  {
    heading: '联系我们',
    paragraphs: ['对本协议有疑问，请拨打六色联系卡上的24小时服务热线。'],
  },
]

export default function TermsOfService() {
  return <LegalText title="东安社区服务用户协议" updated="2026年12月1日" sections={SECTIONS} />
}
