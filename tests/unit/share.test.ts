import { cardShare, clinicShare } from '../../src/domain/share'
import { parseScene } from '../../src/domain/scene'

describe('what a shared page says and reopens', () => {
  it('the card keeps its grid in the path, as a QR code does', () => {
    const shared = cardShare({ code: 'DA0103', name: '东安社区第三网格' })
    expect(shared.title).toContain('东安社区第三网格')
    expect(parseScene(shared.query)).toEqual({ g: 'DA0103' })
  })

  it('a clinic asks a child to book for their parents, and reopens the same clinic', () => {
    const shared = clinicShare({ id: 'c 1', title: '老年慢病义诊', hospital: '市第一医院' })
    expect(shared.title).toBe('帮爸妈约义诊：老年慢病义诊（市第一医院）')
    expect(parseScene(shared.query)).toEqual({ id: 'c 1' })
  })
})
