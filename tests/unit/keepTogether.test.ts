import { keepTogetherRuns } from '../../src/domain/keepTogether'

const kept = (text: string) => keepTogetherRuns(text).filter((r) => r.keep).map((r) => r.text)

describe('runs of text kept on one line', () => {
  it('keeps time ranges, amounts with their unit, dates and phone numbers whole', () => {
    expect(kept('周一至周五 08:30–17:30，周六 09:00–12:00')).toEqual(['08:30–17:30，', '09:00–12:00'])
    expect(kept('每天 20:00–次日08:00')).toEqual(['20:00–次日08:00'])
    expect(kept('2000–4000元/月 · 3个名额 · 72岁')).toEqual(['2000–4000元/月', '3个名额', '72岁'])
    expect(kept('（3个名额）。')).toEqual(['3个名额）。'])
    expect(kept('12月1日 09:00 开始')).toEqual(['12月1日', '09:00'])
    expect(kept('拨打 0452-5861103 或 13945201103')).toEqual(['0452-5861103', '13945201103'])
  })

  it('gives back the whole text, in order, with nothing lost', () => {
    const text = '东安社区第三网格 · 周一至周五 08:30–17:30，月薪2000–4000元/月'
    expect(keepTogetherRuns(text).map((r) => r.text).join('')).toBe(text)
    expect(keepTogetherRuns('没有数字')).toEqual([{ text: '没有数字', keep: false }])
    expect(keepTogetherRuns('')).toEqual([])
  })
})
