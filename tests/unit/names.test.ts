import { findPersonalNames, namedHint, namesPerson } from '../../src/domain/names'
import { raiseMatter } from '../../src/domain/matters'

describe('likely personal names in a matter', () => {
  it.each([
    ['楼上的张阿姨每天晚上跳绳', ['张阿姨']],
    ['王某在楼道里堆了很多杂物', ['王某']],
    ['李某某把电动车推进楼道充电', ['李某某']],
    ['老王家的狗天天半夜叫', ['老王']],
    ['小李经常把车停在消防通道上', ['小李']],
    ['邻居刘建国家的空调一直滴水', ['刘建国']],
    ['有个叫陈晓明的人在小区里发小广告', ['陈晓明']],
    ['跟赵大爷说了好几次也不听', ['赵大爷']],
    ['找何师傅来修过，还是漏', ['何师傅']],
    ['3栋的孙女士和周先生吵起来了', ['孙女士', '周先生']],
    ['姓马的租客晚上很吵', ['姓马']],
  ])('finds %s', (text, names) => {
    expect(findPersonalNames(text)).toEqual(names)
    expect(namesPerson(text)).toBe(true)
  })

  it.each([
    '3号楼楼道灯坏了',
    '小区北门垃圾桶满了没人清，味道很大',
    '老人上下楼不方便，想加个扶手',
    '周围的路灯都不亮',
    '和物业说了好几次都没有用',
    '保安大爷晚上不让外卖进来',
    '修车师傅把油污留在路面上',
    '小高层的电梯坏了三天',
    '孩子的语文老师说放学路上不安全',
    '小黄车堆在单元门口进不去',
    '楼上邻居装修太吵',
    '和孙子一起下楼时差点被绊倒',
    '跟周边小区比，我们这里的绿化太少',
    '2栋门口的长椅坏了，老人没处坐',
    '是高空抛物，晚上经常有东西掉下来',
    '找社区反映过，还没有人来看',
    '楼下的小卖部晚上很吵',
    '马路上的井盖松了，老年人容易摔倒',
  ])('finds nobody in %s', (text) => {
    expect(findPersonalNames(text)).toEqual([])
    expect(namedHint(text)).toBeNull()
  })

  it('says beside the 公开 switch why the matter stays private', () => {
    expect(namedHint('楼上张阿姨家漏水')).toBe('内容里好像提到了他人（张阿姨），为保护隐私，这件事不会公开，只有网格员和工作人员能看到')
  })
})

describe('raising a matter that names someone', () => {
  const owner = { id: 'r1', name: '李明', role: 'resident' as const, gridCode: 'DA0103' }
  const draft = { kind: '环境卫生' as const, building: '3栋', unit: '', public: true }

  it('stores it as not public, marked why; a plain one stays as asked', () => {
    const named = raiseMatter({ ...draft, text: '老王家天天往楼道里扔垃圾' }, owner, 'mt1', 0)
    expect([named.public, named.namedPerson]).toEqual([false, true])
    const plain = raiseMatter({ ...draft, text: '3号楼楼道灯坏了' }, owner, 'mt2', 0)
    expect([plain.public, plain.namedPerson]).toEqual([true, undefined])
  })
})
